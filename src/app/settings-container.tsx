import { BackupPanel } from '../settings/backup-panel.tsx';
import { OptimizePanel } from '../settings/optimize-panel.tsx';
import { PresetsPanel } from '../settings/presets-panel.tsx';
import { SettingsScreen } from '../settings/settings-screen.tsx';
import { studyDayNumber } from '../scheduler/day.ts';
import { download, fileDate } from './download.ts';
import { useNow } from './use-now.ts';
import { useRecall } from './store.ts';

export function SettingsContainer() {
  const settings = useRecall((s) => s.settings);
  const decks = useRecall((s) => s.decks);
  const saveSettings = useRecall((s) => s.saveSettings);
  const exportBackup = useRecall((s) => s.exportBackup);
  const importBackup = useRecall((s) => s.importBackup);
  const exportCsv = useRecall((s) => s.exportCsv);
  const repair = useRecall((s) => s.repair);
  const loadFullLog = useRecall((s) => s.loadFullLog);
  const now = useNow(60_000);
  return (
    <div className="settings-page">
      <SettingsScreen
        key={JSON.stringify(settings)}
        settings={settings}
        // The form does not edit presets: they are carried through its save.
        onSave={(candidate) =>
          saveSettings({
            presets: settings.presets,
            deckPresets: settings.deckPresets,
            deckLimits: settings.deckLimits,
            applyAllParentLimits: settings.applyAllParentLimits,
            ...(candidate as object),
          })
        }
      />
      <PresetsPanel
        settings={settings}
        deckPaths={decks.map((d) => d.path)}
        onSave={saveSettings}
        today={studyDayNumber(now, settings.dayStartHour)}
      />
      <OptimizePanel
        settings={settings}
        loadLog={loadFullLog}
        onApply={async (weights) => (await saveSettings({ ...settings, weights })).ok}
        onApplySteps={async (steps) => (await saveSettings({ ...settings, ...steps })).ok}
      />
      <BackupPanel
        onExportBackup={exportBackup}
        onImportBackup={importBackup}
        onExportCsv={exportCsv}
        onRepair={repair}
        download={download}
        today={fileDate()}
      />
    </div>
  );
}

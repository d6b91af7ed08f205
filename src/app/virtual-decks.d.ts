declare module 'virtual:recall-decks' {
  /** [path under decks/, file text], sorted by path. */
  const files: [string, string][];
  export default files;
}

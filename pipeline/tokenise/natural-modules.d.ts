// Types for the two natural modules imported directly (the package index, which has types, loads
// dotenv and database drivers; these CommonJS files have none of their own).

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const stopwords: { words: string[] };
  export default stopwords;
}

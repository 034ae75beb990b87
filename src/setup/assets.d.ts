// Vite turns an imported picture into the URL of the file it copies to dist/.
declare module '*.svg' {
  const url: string;
  export default url;
}

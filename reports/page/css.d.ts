// Lets the page's entry import stylesheets; esbuild bundles them into the page's CSS.
declare module '*.css';

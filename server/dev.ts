/**
 * `npm run dev`: the API and sockets with reload on change, and Vite's dev server in front
 * (it proxies /api and /socket.io, websockets included). Open http://localhost:5173.
 */
import { spawn } from 'node:child_process';

const vitePort = 5173;
const env = {
  ...process.env,
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${vitePort}`,
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${vitePort},http://127.0.0.1:${vitePort}`,
};
const children = [
  spawn('tsx', ['watch', '--clear-screen=false', 'server/main.ts'], { env, stdio: 'inherit' }),
  spawn('vite', ['--port', String(vitePort), '--strictPort'], { env, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);

/**
 * `/control/?page=theme`: the Theme page, loaded by the panel's entry instead of the panel. It uses the producer
 * token the panel keeps for the session (or asks for one) and follows the stored theme over `/control`.
 */
import { io, type Socket } from 'socket.io-client';
import type { ControlClientToServer, ControlServerToClient } from '../../../shared/index.js';
import { el, setText } from '../dom.js';
import { forgetToken, initialToken, saveToken } from '../token.js';
import { createThemePage } from './page.js';
import './theme.css';

let token = initialToken();
let socket: Socket<ControlServerToClient, ControlClientToServer> | null = null;
document.title = 'LeadWire · Theme';

function askForToken(message: string | null): void {
  const input = el('input', { attrs: { type: 'password', autocomplete: 'current-password', 'aria-label': 'Producer token' } });
  const note = el('p', { class: 'theme-status bad', attrs: { role: 'alert' } });
  if (message) setText(note, message);
  const form = el(
    'form',
    { class: 'theme-gate' },
    el('h1', { text: 'LeadWire · Theme' }),
    el('label', { text: 'Producer token' }, input),
    el('button', { text: 'Open', attrs: { type: 'submit' } }),
    note,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim() === '') return;
    token = input.value.trim();
    saveToken(token);
    form.remove();
    open();
  });
  document.body.replaceChildren(form);
  input.focus();
}

function refused(message: string): void {
  socket?.disconnect();
  socket = null;
  forgetToken();
  token = null;
  askForToken(`The server refused the token: ${message}`);
}

function open(): void {
  const page = createThemePage(() => token ?? '', refused);
  document.body.replaceChildren(page.root);
  socket = io('/control', { auth: { token } });
  socket.on('connect_error', (err) => {
    if (socket && !socket.active) refused(err.message);
  });
  socket.on('theme', (s) => page.stored(s.theme));
  void page.start();
}

if (token) open();
else askForToken(null);

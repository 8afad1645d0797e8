import { mount } from 'svelte';
import App from './App.svelte';
import { startLanguage } from './i18n/i18n.svelte.ts';
import './styles.css';

// The first page is drawn in the user's language: its catalog loads first (English is built in).
void startLanguage().finally(() => mount(App, { target: document.getElementById('app')! }));

import '@xyflow/react/dist/style.css';
import './styles/app.css';
import './styles/editor.css';
import './styles/pages.css';
import './styles/inbox.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readSession } from './api/session';

// A signed-out visitor goes straight to the login page. Left to react-admin,
// requireAuth with react-router 7 bounces between / and /login thousands of
// times before settling (marmelab/react-admin#10885): seconds of a blank page.
if (!readSession() && !window.location.hash.startsWith('#/login')) window.location.hash = '#/login';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page standing in for Meta's Embedded Signup dialog (WhatsApp Business app onboarding).
 * On success it tells the opener what Meta's flow tells it: the session-info message event
 * (`WA_EMBEDDED_SIGNUP` / `FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING` with the ids) and the code
 * the FB SDK's login callback would carry (`authResponse.code`); on cancel, the `CANCEL` event.
 */
export function signupDialogPage(clientId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Connect your WhatsApp Business app (simulated Meta)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;color:#1c1e21}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input[type=text]{width:100%;padding:.4rem;box-sizing:border-box}
.row{display:flex;gap:.5rem;margin-top:1.2rem}button{padding:.5rem 1rem}#error{color:#b00020}
.note{font-size:.85rem;color:#606770}
</style></head>
<body>
<h1>Connect your WhatsApp Business app</h1>
<p class="note">Simulated Meta dialog. The app's chats stay on the phone; Tandem gets the number through the Cloud API.</p>
<form id="signup">
  <input type="hidden" name="client_id" value="${escapeHtml(clientId)}">
  <label for="phone">WhatsApp Business app number (digits)</label>
  <input id="phone" type="text" name="display_phone_number" required pattern="\\d{6,15}" placeholder="15550001234">
  <label for="name">Business name</label>
  <input id="name" type="text" name="verified_name" placeholder="Acme Bakery">
  <label><input type="checkbox" name="share_history" checked> Share my chat history (last 6 months)</label>
  <p class="note">This choice cannot be changed later.</p>
  <p id="error" role="alert"></p>
  <div class="row"><button type="submit">Confirm</button><button type="button" id="cancel">Cancel</button></div>
</form>
<script>
const form = document.getElementById('signup');
const tell = (message) => { if (window.opener) window.opener.postMessage(message, '*'); };
document.getElementById('cancel').addEventListener('click', () => {
  tell({ type: 'WA_EMBEDDED_SIGNUP', event: 'CANCEL', data: { current_step: 'PHONE_NUMBER_SETUP' }, version: '3' });
  window.close();
});
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const body = {
    client_id: data.get('client_id'),
    display_phone_number: String(data.get('display_phone_number')).replace(/\\D/g, ''),
    share_history: data.get('share_history') === 'on',
  };
  if (data.get('verified_name')) body.verified_name = data.get('verified_name');
  const response = await fetch(location.pathname + '/finish', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    document.getElementById('error').textContent = (json.error && json.error.message) || json.message || 'Onboarding failed';
    return;
  }
  tell({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING', version: '3',
    data: { phone_number_id: json.phone_number_id, waba_id: json.waba_id, business_id: json.business_id } });
  tell({ type: 'FB_LOGIN_RESPONSE', status: 'connected', authResponse: { code: json.code } });
  document.body.innerHTML = '<h1>You are connected</h1><p>You can close this window.</p>';
  window.close();
});
</script>
</body></html>`;
}

// Passkeys (WebAuthn) for forms marked data-passkey="create|get": the server's JSON options become
// a browser call, and the authenticator's answer goes back as JSON in the form's "Credential" field.
(() => {
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return; // the forms stay hidden: passwords and app codes still work
  }

  const bytes = text => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), c => c.charCodeAt(0)).buffer;
  };
  const base64url = buffer => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const descriptors = list => (list || []).map(c => ({ ...c, id: bytes(c.id) }));

  const creationOptions = o => ({ ...o, challenge: bytes(o.challenge), user: { ...o.user, id: bytes(o.user.id) }, excludeCredentials: descriptors(o.excludeCredentials) });
  const requestOptions = o => ({ ...o, challenge: bytes(o.challenge), allowCredentials: descriptors(o.allowCredentials) });

  const answer = credential => {
    const r = credential.response;
    const response = { clientDataJSON: base64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = base64url(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = base64url(r.authenticatorData);
      response.signature = base64url(r.signature);
      if (r.userHandle) {
        response.userHandle = base64url(r.userHandle);
      }
    }

    return JSON.stringify({
      id: credential.id, rawId: base64url(credential.rawId), type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(), response,
    });
  };

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.hidden = false;
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const status = form.querySelector('[role=status]');
      status.textContent = '';
      try {
        const options = JSON.parse(form.dataset.options);
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: creationOptions(options) })
          : await navigator.credentials.get({ publicKey: requestOptions(options) });
        form.elements.Credential.value = answer(credential);
        form.submit(); // does not fire "submit" again
      } catch {
        status.textContent = form.dataset.cancelled;
      }
    });
  }
})();

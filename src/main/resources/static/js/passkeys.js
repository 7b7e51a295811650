// Passkeys (WebAuthn) for Kurultai's own pages: registration on the account page, sign-in on the
// sign-in page (through Spring Security's /login/webauthn.js). No inline script: the CSP forbids it.
(function () {
  "use strict";

  // the page's texts in its language (data-* of the status element), English if absent
  function text(name, fallback, value) {
    var element = document.getElementById("passkey-status") || document.getElementById("passkey-signin-status");
    var message = element && element.dataset[name] ? element.dataset[name] : fallback;
    return value === undefined ? message : message.replace("{0}", value);
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header && token.content) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function decode(value) {
    var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    var binary = window.atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, function (c) { return c.charCodeAt(0); }).buffer;
  }

  function encode(buffer) {
    return window.btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function post(url, body) {
    var headers = Object.assign({ "Content-Type": "application/json" }, csrfHeaders());
    var response = await fetch(url, { method: "POST", headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      throw new Error(text("answered", "The server answered {0}", String(response.status)));
    }
    return response.json();
  }

  async function register(label) {
    if (!label) {
      throw new Error(text("nameMissing", "Give the passkey a name, such as the device it is on."));
    }
    var options = await post("/webauthn/register/options");
    var credential = await navigator.credentials.create({ publicKey: Object.assign({}, options, {
      challenge: decode(options.challenge),
      user: Object.assign({}, options.user, { id: decode(options.user.id) }),
      excludeCredentials: (options.excludeCredentials || []).map(function (c) { return Object.assign({}, c, { id: decode(c.id) }); })
    }) });
    var result = await post("/webauthn/register", { publicKey: { label: label, credential: {
      id: credential.id,
      rawId: encode(credential.rawId),
      response: {
        attestationObject: encode(credential.response.attestationObject),
        clientDataJSON: encode(credential.response.clientDataJSON),
        transports: credential.response.getTransports ? credential.response.getTransports() : []
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    } } });
    if (!result || !result.success) {
      throw new Error(text("notRegistered", "The passkey was not registered."));
    }
  }

  async function signIn() {
    var options = await post("/webauthn/authenticate/options");
    var credential = await navigator.credentials.get({ publicKey: Object.assign({}, options, {
      challenge: decode(options.challenge),
      allowCredentials: (options.allowCredentials || []).map(function (c) { return Object.assign({}, c, { id: decode(c.id) }); })
    }) });
    var response = credential.response;
    var result = await post("/login/webauthn", {
      id: credential.id,
      rawId: encode(credential.rawId),
      response: {
        authenticatorData: encode(response.authenticatorData),
        clientDataJSON: encode(response.clientDataJSON),
        signature: encode(response.signature),
        userHandle: response.userHandle ? encode(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!result || !result.authenticated) {
      throw new Error(text("notAccepted", "The passkey was not accepted."));
    }
    window.location.href = "/account";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var signInButton = document.getElementById("passkey-signin");
    if (signInButton) {
      if (!window.PublicKeyCredential) {
        signInButton.disabled = true;
      }
      signInButton.addEventListener("click", async function () {
        var status = document.getElementById("passkey-signin-status");
        status.textContent = text("prompt", "Follow your device's prompt…");
        try {
          await signIn();
        } catch (error) {
          status.textContent = text("failed", "Passkey sign-in failed: {0}", error.message);
        }
      });
    }
    var add = document.getElementById("passkey-register");
    if (add) {
      var status = document.getElementById("passkey-status");
      add.addEventListener("click", async function () {
        status.textContent = text("prompt", "Follow your device's prompt…");
        try {
          await register(document.getElementById("passkey-label").value.trim());
          window.location.href = "/account?passkey=added";
        } catch (error) {
          status.textContent = error.message;
        }
      });
    }
  });
})();

// Kiosk sessions end by themselves: after a spell without input a dialog counts down (WCAG 2.2.1:
// the citizen can go on with one press), and when the card that logged in leaves the reader. Both
// end the way the Finish button does, so the server, the idp and the browser all forget the session.
(function () {
  var dialog = document.getElementById("kiosk-idle");
  var finish = document.getElementById("kiosk-finish");
  if (!dialog || !finish) {
    return;
  }
  var idleMs = Number(dialog.dataset.idle) * 1000;
  var countdown = Number(dialog.dataset.countdown);
  var seconds = dialog.querySelector("[data-seconds]");
  var idleTimer = null;
  var ticker = null;
  var lastAlive = Date.now();
  var ending = false;

  function end() {
    if (!ending) {
      ending = true;
      finish.submit();
    }
  }

  // The server has its own, slightly longer idle limit; tell it the citizen is still here.
  function keepAlive() {
    if (Date.now() - lastAlive > 30000) {
      lastAlive = Date.now();
      fetch(dialog.dataset.alive, { credentials: "same-origin", cache: "no-store" }).catch(function () {});
    }
  }

  function warn() {
    var left = countdown;
    seconds.textContent = String(left);
    dialog.showModal();
    ticker = setInterval(function () {
      left -= 1;
      seconds.textContent = String(Math.max(left, 0));
      if (left <= 0) {
        clearInterval(ticker);
        end();
      }
    }, 1000);
  }

  function activity() {
    if (dialog.open || ending) {
      return;
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(warn, idleMs);
    keepAlive();
  }

  function goOn() {
    clearInterval(ticker);
    if (dialog.open) {
      dialog.close();
    }
    lastAlive = 0;
    activity();
  }

  dialog.querySelector("[data-continue]").addEventListener("click", goOn);
  // Escape closes a modal dialog: that is a press too, so it means "continue".
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    goOn();
  });
  ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (type) {
    document.addEventListener(type, activity, { capture: true, passive: true });
  });
  activity();

  var signer = dialog.dataset.signer;
  if (signer) {
    setInterval(function () {
      fetch(signer + "/v1/kiosk/card", { cache: "no-store", credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (card) {
          if (card && card.present === false) {
            end();
          }
        })
        .catch(function () { /* no answer from the signer: the idle limit still ends the session */ });
    }, 2000);
  }
})();

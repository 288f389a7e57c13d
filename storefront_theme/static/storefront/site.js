/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  // Live 16e check: as soon as postcode, city and country are known, show the
  // API's French verdict next to the field it is about, before anything is paid.
  function zoneCheck(form) {
    var url = form.getAttribute("data-zone-check");
    // The street too: the API refuses an empty street or a post-office box.
    var fields = ["streetAddress1", "postalCode", "city", "country"];
    var timer = null;
    var last = "";

    function value(name) { return (form.elements[name] && form.elements[name].value || "").trim(); }

    function show(verdict) {
      fields.forEach(function (name) {
        var box = document.getElementById(name + "-message");
        var input = form.elements[name];
        if (!box || !input) { return; }
        var mine = verdict && verdict.field === name;
        box.textContent = mine ? verdict.message : "";
        box.className = mine ? (verdict.inZone ? "ok" : "error") : "error";
        if (mine && !verdict.inZone) { input.setAttribute("aria-invalid", "true"); }
        else { input.removeAttribute("aria-invalid"); }
      });
    }

    function check() {
      if (!value("streetAddress1") || !value("postalCode") || !value("city")) { return; }
      var query = fields.map(function (name) {
        return encodeURIComponent(name) + "=" + encodeURIComponent(value(name));
      }).join("&");
      if (query === last) { return; }
      last = query;
      fetch(url + "?" + query, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (verdict) { if (verdict) { show(verdict); } })
        .catch(function () { /* the server checks again on submit */ });
    }

    fields.forEach(function (name) {
      var input = form.elements[name];
      if (!input) { return; }
      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 400); });
      input.addEventListener("change", check);
    });
  }

  // Stripe test mode: the card field is Stripe's own; we post only its payment method id.
  function stripePayment(form) {
    var box = document.getElementById("card");
    if (!box || !window.Stripe) { return; }
    var stripe = window.Stripe(box.getAttribute("data-stripe-key"), { locale: "fr" });
    var card = stripe.elements().create("card");
    card.mount(box);
    form.addEventListener("submit", function (event) {
      if (form.elements.token.value) { return; }
      event.preventDefault();
      stripe.createPaymentMethod({ type: "card", card: card }).then(function (result) {
        if (result.error) {
          var message = document.getElementById("payment-erreur") || document.createElement("p");
          message.id = "payment-erreur"; message.className = "error"; message.setAttribute("role", "alert");
          message.textContent = result.error.message;
          box.after(message);
          return;
        }
        form.elements.token.value = result.paymentMethod.id;
        form.submit();
      });
    });
  }

  function start() {
    document.querySelectorAll("form[data-zone-check]").forEach(zoneCheck);
    var payment = document.getElementById("payment-form");
    if (payment && document.getElementById("card")) {
      // Stripe.js loads deferred after this file: wait for it.
      window.addEventListener("load", function () { stripePayment(payment); });
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();

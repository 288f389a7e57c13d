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

  // Suggestions while typing (ARIA combobox): shops and product names from the API,
  // 200 ms after the last key; arrows move, Enter opens, Escape closes. Without this
  // script the box is a plain search form.
  var suggestCount = 0;

  function suggest(input) {
    var url = input.getAttribute("data-suggest");
    var list = document.createElement("ul");
    var timer = null;
    var items = [];
    var active = -1;
    var asked = "";
    suggestCount += 1;
    list.id = "suggestions-" + suggestCount;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function select(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) { input.setAttribute("aria-activedescendant", list.id + "-" + index); }
      else { input.removeAttribute("aria-activedescendant"); }
    }

    function show(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (item, i) {
        var li = document.createElement("li");
        var kind = document.createElement("span");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = item.text;
        kind.className = "kind";
        kind.textContent = item.kind === "MERCHANT" ? "boutique" : "produit";
        li.appendChild(kind);
        // mousedown, not click: the input keeps its focus until we leave the page.
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = item.url;
        });
        list.appendChild(li);
      });
      if (!found.length) { close(); return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      select(-1);
    }

    function ask() {
      var q = input.value.trim();
      if (q === asked) { return; }
      asked = q;
      if (q.length < 2) { show([]); return; }
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          // An older answer arriving late must not replace the newer one.
          if (body && q === input.value.trim()) { show(body.suggestions); }
        })
        .catch(function () { /* the form still searches on submit */ });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 200); });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        // -1 is the typed text itself: the arrows cycle through it and the options.
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= items.length) { next = -1; } else if (next < -1) { next = items.length - 1; }
        select(next);
      } else if (event.key === "Enter" && active >= 0 && active < items.length) {
        event.preventDefault();
        window.location.href = items[active].url;
      } else if (event.key === "Escape") {
        event.preventDefault();  // a search box would also erase what was typed
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  function start() {
    document.querySelectorAll("form[data-zone-check]").forEach(zoneCheck);
    document.querySelectorAll("input[data-suggest]").forEach(suggest);
    var payment = document.getElementById("payment-form");
    if (payment && document.getElementById("card")) {
      // Stripe.js loads deferred after this file: wait for it.
      window.addEventListener("load", function () { stripePayment(payment); });
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();

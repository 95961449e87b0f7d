// Share box enhancements: copy the link, the device's share sheet, and
// Mastodon straight to the reader's server. Without this file every part
// still works (links, a form, a selectable address).
(function () {
  "use strict";
  document.querySelectorAll(".share").forEach(function (box) {
    var url = box.dataset.shareUrl, text = box.dataset.shareText;
    var status = box.querySelector(".share__copied");
    var copy = box.querySelector(".share__copy");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = box.querySelector(".share__copied-text").content.textContent;
        });
      });
    }
    var native = box.querySelector(".share__native");
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: text, text: text, url: url }).catch(function () {});
      });
    }
    var mastodon = box.querySelector(".share__mastodon");
    if (mastodon) {
      mastodon.addEventListener("submit", function (event) {
        var host = mastodon.elements.instance.value.trim().toLowerCase()
          .replace(/^https?:\/\//, "").split("/")[0].split("@").pop();
        if (!/^([a-z0-9-]+\.)+[a-z]{2,63}$/.test(host)) return;
        event.preventDefault();
        var target = "https://" + host + "/share?text=" + encodeURIComponent(mastodon.elements.text.value);
        window.open(target, "_blank", "noopener,noreferrer");
      });
    }
  });
})();

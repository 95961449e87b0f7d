/* Video facade: swap the poster for the host's player only when asked.
   Until the visitor presses play, the page requests nothing from the host.
   Without JavaScript the button stays hidden and the "Watch on" link works. */
(function () {
  "use strict";

  var players = {
    youtube: function (id) {
      return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) +
        "?autoplay=1&rel=0";
    },
    vimeo: function (id, hash) {
      var url = "https://player.vimeo.com/video/" + encodeURIComponent(id) +
        "?dnt=1&autoplay=1";
      return hash ? url + "&h=" + encodeURIComponent(hash) : url;
    }
  };

  function play(figure, playerUrl) {
    var iframe = document.createElement("iframe");
    iframe.src = playerUrl;
    iframe.title = figure.dataset.videoTitle || "";
    iframe.className = "video__player";
    iframe.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var frame = figure.querySelector(".video__frame");
    frame.replaceChildren(iframe);
    // Keyboard and screen-reader users land on the player they just started.
    iframe.focus();
  }

  document.querySelectorAll("[data-video]").forEach(function (figure) {
    var build = players[figure.dataset.videoProvider];
    var button = figure.querySelector(".video__play");
    if (!build || !button || !figure.dataset.videoId) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      play(figure, build(figure.dataset.videoId, figure.dataset.videoHash));
    });
  });
})();

/*! Zenovay tracker (z.js). Usage:
 *  <script src="https://YOUR-SERVER/z.js" data-tracking-code="YOUR_TRACKING_CODE" [data-debug="true"]
 *          [data-do-not-track="true"]></script>
 * With data-do-not-track="true", a browser whose Do-Not-Track setting is on sends nothing.
 * Sends a pageview on load and on single-page-app navigation (history.pushState /
 * replaceState / popstate / hashchange), and custom events via zenovay.track(name, props).
 * Posts to the "e/{code}" endpoint next to this script's own URL, so a self-hosted
 * server needs no configuration. Never throws into the host page. */
(function (window, document) {
  'use strict';
  if (window.zenovay && window.zenovay.__zenovay) return; // loaded twice: keep the first

  var VERSION = '1';
  var script = null;
  var debug = false;
  var endpoint = null;
  var lastPath = null;
  var lastUrl = null;
  var doNotTrack = false; // data-do-not-track="true" and the browser asks not to be tracked

  function log() {
    if (!debug || !window.console || !console.log) return;
    try {
      var parts = ['[zenovay]'];
      for (var i = 0; i < arguments.length; i++) {
        var a = arguments[i];
        parts.push(typeof a === 'string' ? a : JSON.stringify(a));
      }
      console.log(parts.join(' '));
    } catch (e) { /* never throw */ }
  }

  function findScript() {
    var s = document.currentScript;
    if (s && s.getAttribute && s.getAttribute('data-tracking-code') !== null) return s;
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (all[i].getAttribute('data-tracking-code') !== null && /z\.js(\?|#|$)/.test(all[i].src || '')) return all[i];
    }
    return null;
  }

  function randomId() {
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    var out = '';
    var bytes = null;
    try {
      bytes = new Uint8Array(24);
      window.crypto.getRandomValues(bytes);
    } catch (e) { bytes = null; }
    for (var i = 0; i < 24; i++) {
      var r = bytes ? bytes[i] : Math.floor(Math.random() * 256);
      out += alphabet.charAt(r % alphabet.length);
    }
    return out;
  }

  var memorySession = null;
  function sessionId() {
    // One session per tab: sessionStorage survives reloads and navigation in the tab.
    try {
      var id = window.sessionStorage.getItem('zenovay_sid');
      if (!id || id.length < 8) {
        id = randomId();
        window.sessionStorage.setItem('zenovay_sid', id);
      }
      return id;
    } catch (e) {
      if (!memorySession) memorySession = randomId();
      return memorySession;
    }
  }

  function deviceType(ua) {
    var touchMac = /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
    if (touchMac || /iPad|Tablet|PlayBook|Silk|Kindle/i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua))) {
      return 'tablet';
    }
    if (/Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|Opera Mini/i.test(ua)) return 'mobile';
    return 'desktop';
  }

  function browserName(ua) {
    if (/Edg(e|A|iOS)?\//.test(ua)) return 'Edge';
    if (/OPR\/|Opera/.test(ua)) return 'Opera';
    if (/SamsungBrowser\//.test(ua)) return 'Samsung Internet';
    if (/Firefox\/|FxiOS\//.test(ua)) return 'Firefox';
    if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return 'Chrome';
    if (/Safari\//.test(ua) && /Version\//.test(ua)) return 'Safari';
    return 'Other';
  }

  function osName(ua) {
    if (/Windows/.test(ua)) return 'Windows';
    if (/Android/.test(ua)) return 'Android';
    if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) return 'iOS';
    if (/Mac OS X|Macintosh/.test(ua)) return 'macOS';
    if (/CrOS/.test(ua)) return 'ChromeOS';
    if (/Linux|X11/.test(ua)) return 'Linux';
    return 'Other';
  }

  function flatProps(props) {
    if (!props || typeof props !== 'object') return undefined;
    var out = {};
    for (var k in props) {
      if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
      var v = props[k];
      var t = typeof v;
      if (v === null || t === 'string' || t === 'number' || t === 'boolean') out[k] = v;
      else if (t !== 'function' && t !== 'undefined') out[k] = String(JSON.stringify(v)).slice(0, 500);
    }
    return out;
  }

  function browserSaysDoNotTrack() {
    var v = navigator.doNotTrack || window.doNotTrack || navigator.msDoNotTrack;
    return v === '1' || v === 'yes';
  }

  function send(payload) {
    if (doNotTrack) {
      log('not sent (Do Not Track is on):', payload.event_type);
      return;
    }
    if (!endpoint) {
      log('not sent (no data-tracking-code on the script tag):', payload);
      return;
    }
    var body = JSON.stringify(payload);
    log('sending ' + payload.event_type + ' ' + body);
    // text/plain keeps it a "simple" CORS request (no preflight), like sendBeacon.
    if (window.fetch) {
      window.fetch(endpoint, {
        method: 'POST', body: body, keepalive: true, credentials: 'omit', mode: 'cors',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' }
      }).then(function (r) {
        log('sent ' + payload.event_type + ': HTTP ' + r.status);
      }, function (e) {
        log('failed to send ' + payload.event_type + ': ' + e);
      });
    } else if (navigator.sendBeacon) {
      navigator.sendBeacon(endpoint, body);
    }
  }

  function base(type) {
    var ua = navigator.userAgent || '';
    return {
      event_type: type,
      url: window.location.href,
      session_id: sessionId(),
      user_agent: ua,
      device_type: deviceType(ua),
      browser: browserName(ua),
      os: osName(ua)
    };
  }

  function pageview(force) {
    try {
      var hash = window.location.hash || '';
      var path = window.location.pathname + window.location.search + (/^#[!\/]/.test(hash) ? hash : '');
      if (!force && path === lastPath) return; // same page (e.g. a replaceState of state only)
      var p = base('pageview');
      var ref = lastUrl !== null ? lastUrl : document.referrer;
      if (ref && /^https?:/i.test(ref)) p.referrer = ref;
      lastPath = path;
      lastUrl = window.location.href;
      send(p);
    } catch (e) { log('error: ' + e); }
  }

  function track(name, props) {
    try {
      if (typeof name !== 'string' || !name) {
        log('zenovay.track(name, props) needs a non-empty name');
        return;
      }
      var p = base('event');
      p.name = name.slice(0, 100);
      var flat = flatProps(props);
      if (flat) p.props = flat;
      send(p);
    } catch (e) { log('error: ' + e); }
  }

  function hookHistory(method) {
    try {
      var original = window.history[method];
      if (typeof original !== 'function') return;
      window.history[method] = function () {
        var result = original.apply(this, arguments);
        pageview(false);
        return result;
      };
    } catch (e) { log('error: ' + e); }
  }

  window.zenovay = { __zenovay: true, version: VERSION, track: track, pageview: function () { pageview(true); } };

  try {
    script = findScript();
    var code = script ? script.getAttribute('data-tracking-code') : null;
    debug = !!script && script.getAttribute('data-debug') === 'true';
    doNotTrack = !!script && script.getAttribute('data-do-not-track') === 'true' && browserSaysDoNotTrack();
    if (doNotTrack) {
      log('Do Not Track is on: nothing will be sent');
    } else if (code && script.src) {
      endpoint = new URL('e/' + encodeURIComponent(code), script.src).href;
      log('loaded, tracking code ' + code + ', endpoint ' + endpoint);
    } else {
      log('data-tracking-code is missing on the script tag: nothing will be sent');
    }
    hookHistory('pushState');
    hookHistory('replaceState');
    window.addEventListener('popstate', function () { pageview(false); });
    window.addEventListener('hashchange', function () { pageview(false); });
    pageview(true);
  } catch (e) { log('error: ' + e); }
})(window, document);

// The page of percuss run --web: follows GET /api/events, draws the last 60 s with uPlot, and sends
// the buttons to the API. The token (needed on an address other than loopback) comes in the
// address as #token=..., and is kept in this browser for this server.
'use strict';
(() => {
  const WINDOW_SECONDS = 60;
  const $ = (id) => document.getElementById(id);

  let token = null;
  const fromAddress = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(location.hash);
  try {
    if (fromAddress) {
      token = fromAddress[1];
      localStorage.setItem('percuss-token', token);
      history.replaceState(null, '', location.pathname);
    } else {
      token = localStorage.getItem('percuss-token');
    }
  } catch (e) {
    token = fromAddress ? fromAddress[1] : null;
  }
  const headers = (extra) => Object.assign(token ? { Authorization: 'Bearer ' + token } : {}, extra || {});

  // ---- the plot of the last minute ----------------------------------------------------------------
  const cols = { t: [], target: [], commanded: [], measured: [], current: [], temperature: [] };
  let nextSeq = 0;
  let speedPlot = null;
  let loadPlot = null;
  let drawPending = false;

  function chartWidth() {
    return Math.max(240, $('plot-speed').clientWidth || 320);
  }

  function makePlots() {
    if (typeof uPlot === 'undefined') {
      notice('the plot library did not load', true);
      return;
    }
    const x = { time: false };
    speedPlot = new uPlot({
      width: chartWidth(), height: 160, cursor: { show: false }, legend: { show: true, live: false },
      scales: { x: x, y: { range: (u, min, max) => [0, Math.max(1000, Math.ceil(max / 500) * 500)] } },
      axes: [{ size: 28 }, { size: 54 }],
      series: [{ label: 's' },
        { label: 'target', stroke: '#8e99a4', dash: [6, 4], width: 1 },
        { label: 'commanded', stroke: '#1f3a93', width: 2 },
        { label: 'measured', stroke: '#e67e22', width: 1.5 }],
    }, [[], [], [], []], $('plot-speed'));
    loadPlot = new uPlot({
      width: chartWidth(), height: 130, cursor: { show: false }, legend: { show: true, live: false },
      scales: { x: x, A: { range: (u, min, max) => [0, Math.max(1, Math.ceil(max))] },
        C: { range: (u, min, max) => [Math.min(20, Math.floor(min)), Math.max(40, Math.ceil(max))] } },
      axes: [{ size: 28 }, { scale: 'A', size: 40 }, { scale: 'C', side: 1, size: 40, grid: { show: false } }],
      series: [{ label: 's' },
        { label: 'current A', stroke: '#138d75', width: 1.5, scale: 'A' },
        { label: 'temp °C', stroke: '#c0392b', width: 2, scale: 'C' }],
    }, [[], [], []], $('plot-load'));
    window.addEventListener('resize', () => {
      speedPlot.setSize({ width: chartWidth(), height: 160 });
      loadPlot.setSize({ width: chartWidth(), height: 130 });
    });
  }

  function addSamples(s) {
    if (!s || !s.t) {
      return;
    }
    const skip = Math.max(0, nextSeq - s.firstSeq); // an overlap after a reconnection
    for (let i = skip; i < s.t.length; i++) {
      cols.t.push(s.t[i]);
      cols.target.push(s.targetPpm[i]);
      cols.commanded.push(s.commandedPpm[i]);
      cols.measured.push(s.measuredPpm[i]);
      cols.current.push(s.currentAmps[i]);
      cols.temperature.push(s.temperatureCelsius[i]);
    }
    nextSeq = Math.max(nextSeq, s.firstSeq + s.t.length);
    const last = cols.t.length ? cols.t[cols.t.length - 1] : 0;
    let drop = 0;
    while (drop < cols.t.length && cols.t[drop] < last - WINDOW_SECONDS) {
      drop++;
    }
    if (drop > 0) {
      for (const k of Object.keys(cols)) {
        cols[k].splice(0, drop);
      }
    }
    if (!drawPending) {
      drawPending = true;
      requestAnimationFrame(draw);
    }
  }

  function draw() {
    drawPending = false;
    if (!speedPlot) {
      return;
    }
    speedPlot.setData([cols.t, cols.target, cols.commanded, cols.measured]);
    loadPlot.setData([cols.t, cols.current, cols.temperature]);
  }

  // ---- the state ---------------------------------------------------------------------------------
  let latest = null;
  let ended = false;
  let plotFetched = false;

  const clock = (s) => {
    const whole = Math.floor(s);
    return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
  };
  const reading = (v, unit, digits) => (v === null || v === undefined ? 'no sensor' : v.toFixed(digits) + ' ' + unit);
  const text = (id, v) => {
    const el = $(id);
    if (el.textContent !== String(v)) {
      el.textContent = v;
    }
  };

  function show(s) {
    latest = s;
    const st = $('state');
    st.className = 'state ' + s.state;
    text('state', s.stateLabel);
    text('level', s.level);
    text('level-ppm', s.levelPpm + ' ppm');
    text('target', s.targetPpm);
    text('commanded', s.commandedPpm);
    text('measured', s.measuredPpm);
    const derate = $('derate');
    derate.hidden = s.derateLevel === 0;
    text('derate', s.derateLevel ? 'a safety rule holds the speed to level ' + s.derateLevel : '');
    text('running', clock(s.runningSeconds));
    text('limit', clock(s.limitSeconds));
    text('left', clock(s.leftSeconds));
    $('bar-fill').style.width = Math.min(100, 100 * s.runningSeconds / Math.max(1, s.limitSeconds)).toFixed(1) + '%';
    text('zone', s.zone ? 'zone ' + s.zone.name + ': ' + clock(s.zone.budgetLeftSeconds) + ' of its budget left'
      : 'no zone');
    text('current', reading(s.currentAmps, 'A', 2));
    text('temperature', reading(s.temperatureCelsius, '°C', 1));
    text('supply', reading(s.supplyVolts, 'V', 1));
    const faults = $('faults');
    const faultText = s.faults.length ? s.faults.join('\n') : 'none';
    if (faults.dataset.text !== faultText) {
      faults.dataset.text = faultText;
      faults.replaceChildren(...(s.faults.length ? s.faults : ['none']).map((f) => {
        const li = document.createElement('li');
        li.textContent = f;
        if (!s.faults.length) {
          li.className = 'muted';
        }
        return li;
      }));
    }
    $('faults-card').classList.toggle('active', s.faults.length > 0);
    text('stop-message', s.stopMessage + (s.tripCondition ? (s.stopMessage ? ' — ' : '') + 'still present: ' + s.tripCondition : ''));
    const on = s.state === 'WARM_UP' || s.state === 'RAMPING' || s.state === 'RUNNING';
    $('start').disabled = !!s.refused.start;
    $('up').disabled = !!s.refused.levelUp;
    $('clear').disabled = !!s.refused.clear;
    $('pause').disabled = !on;
    $('down').disabled = s.over || s.level <= s.session.firstLevel;
    $('finish').disabled = s.over;
    $('start').title = s.refused.start || '';
    $('up').title = s.refused.levelUp || '';
    $('clear').title = s.refused.clear || '';
    const why = [];
    if (s.refused.start && !on && !s.over) {
      why.push('Start: ' + s.refused.start);
    }
    if (s.refused.levelUp && !s.over && s.state !== 'EMERGENCY_STOP' && s.state !== 'FAULT') {
      why.push('Level +: ' + s.refused.levelUp);
    }
    text('why', why.join(' · '));
    const list = $('messages');
    const key = s.messages.length ? s.messages[s.messages.length - 1].atSeconds + s.messages[s.messages.length - 1].text : '';
    if (list.dataset.key !== key) {
      list.dataset.key = key;
      list.replaceChildren(...s.messages.slice().reverse().map((m) => {
        const li = document.createElement('li');
        li.className = m.kind;
        li.textContent = clock(m.atSeconds) + '  ' + m.text;
        return li;
      }));
    }
    text('device', 'device: ' + s.session.device + ' · levels ' + s.session.levelPpm.join(', ') + ' ppm · warm-up '
      + s.session.warmupSeconds + ' s · ramp ' + s.session.rampPpmPerSecond + ' ppm/s');
    if (s.end) {
      showEnd(s.end);
    }
  }

  function showEnd(end) {
    ended = true;
    $('summary').hidden = false;
    text('summary-text', end.summary.join('\n') + '\nexit code ' + end.exitCode);
    if (!plotFetched) {
      plotFetched = true;
      fetch('/api/plot.png', { headers: headers(), cache: 'no-store' })
        .then((res) => (res.ok ? res.blob() : Promise.reject(new Error('HTTP ' + res.status))))
        .then((blob) => {
          const url = URL.createObjectURL(blob);
          const a = $('download');
          a.href = url;
          a.hidden = false;
          const img = $('plot-png');
          img.src = url;
          img.hidden = false;
        })
        .catch((e) => notice('the plot could not be fetched: ' + e.message, true));
    }
  }

  // ---- requests ----------------------------------------------------------------------------------
  let noticeTimer = null;

  function notice(message, error) {
    const n = $('notice');
    n.textContent = message;
    n.className = 'notice' + (error ? ' error' : '');
    n.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { n.hidden = true; }, 5000);
  }

  function post(path, body) {
    const init = { method: 'POST', headers: headers(body ? { 'Content-Type': 'application/json' } : {}), cache: 'no-store' };
    if (body) {
      init.body = JSON.stringify(body);
    }
    return fetch(path, init)
      .then((res) => res.json().catch(() => ({ ok: false, error: 'HTTP ' + res.status })))
      .then((j) => notice(j.ok ? j.message : j.error, !j.ok))
      .catch((e) => notice('the server cannot be reached (' + e.message + ')', true));
  }

  function level(delta) {
    if (latest) {
      post('/api/level', { level: latest.level + delta });
    }
  }

  $('start').addEventListener('click', () => post('/api/start'));
  $('pause').addEventListener('click', () => post('/api/pause'));
  $('up').addEventListener('click', () => level(1));
  $('down').addEventListener('click', () => level(-1));
  $('clear').addEventListener('click', () => post('/api/clear'));
  $('finish').addEventListener('click', () => post('/api/finish'));
  // the emergency stop goes on the press itself, not on the release
  $('estop').addEventListener('pointerdown', () => post('/api/emergency-stop'));
  $('estop').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      post('/api/emergency-stop');
    }
  });

  // ---- the event stream ----------------------------------------------------------------------------
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  function link(textValue, live) {
    const l = $('link');
    l.textContent = textValue;
    l.className = 'link' + (live ? ' live' : '');
  }

  async function follow() {
    for (;;) {
      try {
        const res = await fetch('/api/events', { headers: headers({ Accept: 'text/event-stream' }), cache: 'no-store' });
        if (res.status === 401) {
          link('no token', false);
          notice('this server needs its token: open the address percuss printed, with #token=...', true);
          return;
        }
        if (!res.ok || !res.body) {
          throw new Error('HTTP ' + res.status);
        }
        link('live', true);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (data) {
              const s = JSON.parse(data);
              addSamples(s.samples);
              show(s);
            }
          }
        }
      } catch (e) {
        // the connection dropped: try again below
      }
      if (ended) {
        link('session over', false);
        return;
      }
      link('reconnecting', false);
      await sleep(1000);
    }
  }

  makePlots();
  follow();
})();

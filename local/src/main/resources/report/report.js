// The report's charts: Chart.js configurations built from the figures embedded in the page as JSON
// (the element #report-data). Every canvas[data-chart] gets the chart of that
// name; its title comes from the canvas's data-title. Text from the data is only ever drawn by Chart.js
// on a canvas, never parsed as HTML.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('report-data').textContent);

  const COLORS = {
    plays: '#2563eb',
    free: '#f59e0b',
    paid: '#1e40af',
    other: '#94a3b8',
    upgrades: '#16a34a',
    downgrades: '#dc2626',
    songs: '#2563eb',
    artists: '#0d9488',
    unmatched: '#7c3aed',
    tables: '#475569',
    rejected: '#dc2626',
    datasets: ['#2563eb', '#0d9488', '#a855f7', '#f59e0b']
  };
  const GRID = '#e9ecf0';

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#374151';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;
  Chart.defaults.plugins.title.display = true;
  Chart.defaults.plugins.title.align = 'start';
  Chart.defaults.plugins.title.font = { size: 15, weight: '600' };
  Chart.defaults.plugins.title.padding = { top: 0, bottom: 10 };
  Chart.defaults.plugins.legend.position = 'bottom';
  Chart.defaults.plugins.legend.labels.boxWidth = 14;
  Chart.defaults.datasets.bar.maxBarThickness = 56;

  const number = new Intl.NumberFormat('en-US');
  const share = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

  function utcDate(isoDay) {
    return new Date(isoDay + 'T00:00:00Z');
  }

  const days = data.playsPerDay.map((d) => d.day);
  const manyYears = days.length > 0 && days[0].slice(0, 4) !== days[days.length - 1].slice(0, 4);
  const dayTick = new Intl.DateTimeFormat('en-US', manyYears
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayLong = new Intl.DateTimeFormat('en-US',
    { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

  function dayLabel(isoDay) {
    return dayTick.format(utcDate(isoDay));
  }

  function dayTitle(items) {
    return items.length ? dayLong.format(utcDate(isoDayOf(items[0]))) : '';
  }

  // Day charts keep the ISO day of each point in the chart's own list, for tooltips.
  function isoDayOf(item) {
    return item.chart.$isoDays[item.dataIndex];
  }

  function truncate(text, max) {
    return text.length > max ? text.slice(0, Math.max(1, max - 1)) + '\u2026' : text;
  }

  function orNone(text) {
    return text === null || text === undefined || text === '' ? '(none)' : text;
  }

  function axis(title, extra) {
    return Object.assign({ title: { display: true, text: title }, grid: { color: GRID } }, extra || {});
  }

  function countAxis(title, extra) {
    return axis(title, Object.assign({
      beginAtZero: true,
      ticks: { precision: 0, callback: (value) => number.format(value) }
    }, extra || {}));
  }

  function dayAxis(extra) {
    return axis('Day (UTC)', Object.assign({
      grid: { display: false },
      ticks: { autoSkip: true, autoSkipPadding: 8, maxRotation: 0 }
    }, extra || {}));
  }

  function countLabel(unit) {
    return (item) => ' ' + (item.dataset.label ? item.dataset.label + ': ' : '')
      + number.format(item.parsed[item.chart.options.indexAxis === 'y' ? 'x' : 'y']) + ' ' + unit;
  }

  // Category labels on a narrow chart are cut to fit; the tooltip has the whole text.
  function fittedLabels(divisor) {
    return {
      autoSkip: false,
      callback: function (value) {
        return truncate(String(this.getLabelForValue(value)), Math.max(10, Math.floor(this.chart.width / divisor)));
      }
    };
  }

  function levelColor(level) {
    return COLORS[level] || COLORS.other;
  }

  const builders = {
    'plays-per-day': () => ({
      type: 'bar',
      isoDays: days,
      data: {
        labels: days.map(dayLabel),
        datasets: [{ label: 'Plays', data: data.playsPerDay.map((d) => d.plays), backgroundColor: COLORS.plays }]
      },
      options: {
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: dayTitle, label: countLabel('plays') } } },
        scales: { x: dayAxis(), y: countAxis('Plays') }
      }
    }),

    'plays-per-hour': () => ({
      type: 'bar',
      data: {
        labels: data.playsPerHour.map((h) => String(h.hour).padStart(2, '0')),
        datasets: [{ label: 'Plays', data: data.playsPerHour.map((h) => h.plays), backgroundColor: COLORS.plays }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => items.length ? items[0].label + ':00\u2013' + items[0].label + ':59 UTC' : '',
              label: countLabel('plays')
            }
          }
        },
        scales: {
          x: axis('Hour of day (UTC)', { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 6 } }),
          y: countAxis('Plays')
        }
      }
    }),

    'plays-per-weekday': () => ({
      type: 'bar',
      data: {
        labels: data.playsPerWeekday.map((w) => WEEKDAYS_SHORT[w.weekday]),
        datasets: [{ label: 'Plays', data: data.playsPerWeekday.map((w) => w.plays), backgroundColor: COLORS.plays }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => items.length ? data.playsPerWeekday[items[0].dataIndex].name : '',
              label: countLabel('plays')
            }
          }
        },
        scales: { x: axis('Day of the week (UTC)', { grid: { display: false } }), y: countAxis('Plays') }
      }
    }),

    'top-songs': () => ({
      type: 'bar',
      data: {
        labels: data.topSongs.map((s) => orNone(s.title)),
        datasets: [{ label: 'Plays', data: data.topSongs.map((s) => s.plays), backgroundColor: COLORS.songs }]
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => items.length ? orNone(data.topSongs[items[0].dataIndex].title) : '',
              afterTitle: (items) => items.length ? 'by ' + orNone(data.topSongs[items[0].dataIndex].artist) : '',
              label: countLabel('plays')
            }
          }
        },
        scales: { x: countAxis('Plays'), y: axis('Song', { grid: { display: false }, ticks: fittedLabels(22) }) }
      }
    }),

    'top-artists': () => ({
      type: 'bar',
      data: {
        labels: data.topArtists.map((a) => orNone(a.name)),
        datasets: [{ label: 'Plays', data: data.topArtists.map((a) => a.plays), backgroundColor: COLORS.artists }]
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => items.length ? orNone(data.topArtists[items[0].dataIndex].name) : '',
              label: countLabel('plays')
            }
          }
        },
        scales: { x: countAxis('Plays'), y: axis('Artist', { grid: { display: false }, ticks: fittedLabels(22) }) }
      }
    }),

    'level-plays': () => ({
      type: 'bar',
      isoDays: data.levelsPerDay.days.map((d) => d.day),
      data: {
        labels: data.levelsPerDay.days.map((d) => dayLabel(d.day)),
        datasets: data.levelsPerDay.levels.map((level, i) => ({
          label: level,
          data: data.levelsPerDay.days.map((d) => d.plays[i]),
          backgroundColor: levelColor(level)
        }))
      },
      options: {
        plugins: { tooltip: { mode: 'index', callbacks: { title: dayTitle, label: countLabel('plays') } } },
        scales: { x: dayAxis({ stacked: true }), y: countAxis('Plays', { stacked: true }) }
      }
    }),

    'level-users': () => ({
      type: 'line',
      isoDays: data.levelsPerDay.days.map((d) => d.day),
      data: {
        labels: data.levelsPerDay.days.map((d) => dayLabel(d.day)),
        datasets: data.levelsPerDay.levels.map((level, i) => ({
          label: level,
          data: data.levelsPerDay.days.map((d) => d.users[i]),
          borderColor: levelColor(level),
          backgroundColor: levelColor(level),
          pointRadius: 2,
          borderWidth: 2,
          tension: 0.2
        }))
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { tooltip: { callbacks: { title: dayTitle, label: countLabel('listeners') } } },
        scales: { x: dayAxis(), y: countAxis('Listeners (distinct users)') }
      }
    }),

    'level-changes': () => ({
      type: 'bar',
      isoDays: data.levelChanges.map((c) => c.day),
      data: {
        labels: data.levelChanges.map((c) => dayLabel(c.day)),
        datasets: [
          { label: 'Upgrades (free \u2192 paid)', data: data.levelChanges.map((c) => c.upgrades), backgroundColor: COLORS.upgrades },
          { label: 'Downgrades (paid \u2192 free)', data: data.levelChanges.map((c) => c.downgrades), backgroundColor: COLORS.downgrades }
        ]
      },
      options: {
        plugins: { tooltip: { mode: 'index', callbacks: { title: dayTitle, label: countLabel('users') } } },
        scales: { x: dayAxis(), y: countAxis('Level changes') }
      }
    }),

    'session-lengths': () => ({
      type: 'bar',
      data: {
        labels: data.sessionLengths.map((b) => b.label),
        datasets: [{ label: 'Sessions', data: data.sessionLengths.map((b) => b.sessions), backgroundColor: COLORS.plays }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => items.length ? items[0].label + ' plays in the session' : '',
              label: countLabel('sessions'),
              afterLabel: (item) => ' ' + number.format(data.sessionLengths[item.dataIndex].plays) + ' plays in all'
            }
          }
        },
        scales: { x: axis('Plays in the session', { grid: { display: false } }), y: countAxis('Sessions') }
      }
    }),

    'unmatched-share': () => {
      const total = data.summary.plays;
      const overall = total > 0 ? 100 * data.summary.unmatchedPlays / total : null;
      return {
        type: 'line',
        isoDays: data.unmatchedPerDay.map((u) => u.day),
        data: {
          labels: data.unmatchedPerDay.map((u) => dayLabel(u.day)),
          datasets: [
            {
              label: 'Plays with no song found',
              data: data.unmatchedPerDay.map((u) => u.plays > 0 ? 100 * u.unmatchedPlays / u.plays : null),
              borderColor: COLORS.unmatched,
              backgroundColor: COLORS.unmatched,
              pointRadius: 2,
              borderWidth: 2,
              spanGaps: false
            },
            {
              label: 'All days',
              data: data.unmatchedPerDay.map(() => overall),
              borderColor: COLORS.other,
              borderDash: [6, 4],
              borderWidth: 1.5,
              pointRadius: 0,
              pointHitRadius: 0
            }
          ]
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          plugins: {
            tooltip: {
              filter: (item) => item.datasetIndex === 0,
              callbacks: {
                title: dayTitle,
                label: (item) => {
                  const day = data.unmatchedPerDay[item.dataIndex];
                  return ' ' + share.format(item.parsed.y) + '% (' + number.format(day.unmatchedPlays) + ' of '
                    + number.format(day.plays) + ' plays)';
                }
              }
            }
          },
          scales: {
            x: dayAxis(),
            y: axis('Share of the day\u2019s plays (%)', {
              beginAtZero: true,
              suggestedMax: 10,
              ticks: { callback: (value) => value + '%' }
            })
          }
        }
      };
    },

    'row-counts': () => ({
      type: 'bar',
      data: {
        labels: data.rowCounts.map((t) => t.table),
        datasets: [{ label: 'Rows', data: data.rowCounts.map((t) => t.rows), backgroundColor: COLORS.tables }]
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: countLabel('rows') } } },
        scales: { x: countAxis('Rows'), y: axis('Table', { grid: { display: false } }) }
      }
    }),

    'load-history': () => {
      const runs = [];
      const byRun = new Map();
      for (const row of data.loadHistory.runs) {
        if (!byRun.has(row.runId)) {
          byRun.set(row.runId, { runId: row.runId, loadedAt: row.loadedAt, datasets: new Map(), rejected: 0 });
          runs.push(byRun.get(row.runId));
        }
        const run = byRun.get(row.runId);
        run.datasets.set(row.dataset, row.rowsLoaded);
        run.rejected += row.rowsRejected;
      }
      const datasetNames = [...new Set(data.loadHistory.runs.map((r) => r.dataset))].sort();
      const datasets = datasetNames.map((name, i) => ({
        label: name + ' rows loaded',
        data: runs.map((run) => run.datasets.get(name) || 0),
        backgroundColor: COLORS.datasets[i % COLORS.datasets.length]
      }));
      datasets.push({ label: 'rows rejected', data: runs.map((run) => run.rejected), backgroundColor: COLORS.rejected });
      return {
        type: 'bar',
        data: { labels: runs.map((run) => String(run.loadedAt).slice(0, 16)), datasets: datasets },
        options: {
          plugins: {
            tooltip: {
              mode: 'index',
              callbacks: {
                title: (items) => items.length ? runs[items[0].dataIndex].runId : '',
                afterTitle: (items) => items.length ? 'started ' + runs[items[0].dataIndex].loadedAt + ' UTC' : '',
                label: countLabel('')
              }
            }
          },
          scales: {
            x: axis('Run (start, UTC)', { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 10 } }),
            y: countAxis('Rows')
          }
        }
      };
    }
  };

  let drawn = 0;
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const name = canvas.getAttribute('data-chart');
    const build = builders[name];
    if (!build) {
      throw new Error('the report has no chart named ' + name);
    }
    const config = build();
    const isoDays = config.isoDays || [];
    delete config.isoDays;
    config.options.plugins = config.options.plugins || {};
    config.options.plugins.title = Object.assign({ text: canvas.getAttribute('data-title') },
      config.options.plugins.title || {});
    const chart = new Chart(canvas, config);
    chart.$isoDays = isoDays;
    drawn++;
  }
  document.documentElement.setAttribute('data-charts-drawn', String(drawn));
})();

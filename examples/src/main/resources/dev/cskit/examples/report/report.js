/* Draws the cskit report from the JSON in #cskit-data with ECharts and Mermaid.
   Text from the data is only ever set through ECharts options, Mermaid (strict security)
   or textContent, never as HTML. When everything is drawn, body[data-rendered] is "done";
   a failure is reported on the console and in body[data-failures]. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('cskit-data').textContent);
  var currency = data.currency;
  var failures = [];
  var charts = [];
  var colours = {
    opening: '#829ab1', closing: '#334e68', newMrr: '#2f855a', expansion: '#48bb78',
    reactivation: '#9ae6b4', contraction: '#f6ad55', churned: '#e53e3e', grr: '#dd6b20',
    nrr: '#3182ce'
  };

  function money(value) {
    return Number(value).toLocaleString('en-US', {maximumFractionDigits: 0}) + ' ' + currency;
  }

  function sum(field) {
    return data.bridge.reduce(function (total, month) { return total + month[field]; }, 0);
  }

  function draw(id, option) {
    try {
      var chart = echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
      chart.setOption(option);
      charts.push(chart);
    } catch (e) {
      failures.push(id);
      console.error('cannot draw ' + id + ': ' + e);
    }
  }

  function waterfall() {
    if (data.bridge.length === 0) {
      return;
    }
    var steps = [
      ['Opening', data.bridge[0].opening, 'opening'],
      ['New', sum('newMrr'), 'newMrr'],
      ['Expansion', sum('expansion'), 'expansion'],
      ['Reactivation', sum('reactivation'), 'reactivation'],
      ['Contraction', -sum('contraction'), 'contraction'],
      ['Churned', -sum('churned'), 'churned'],
      ['Closing', data.bridge[data.bridge.length - 1].closing, 'closing']
    ];
    var running = 0;
    var base = [];
    var bars = [];
    steps.forEach(function (step, i) {
      var amount = step[1];
      if (i === 0 || i === steps.length - 1) {
        base.push(0);
        running = amount;
      } else if (amount >= 0) {
        base.push(running);
        running += amount;
      } else {
        running += amount;
        base.push(running);
      }
      bars.push({value: Math.abs(amount), itemStyle: {color: colours[step[2]]}});
    });
    draw('chart-waterfall', {
      animation: false,
      grid: {left: 90, right: 20, top: 30, bottom: 30},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'},
        formatter: function (items) {
          var item = items[items.length - 1];
          return item.name + ': ' + money(steps[item.dataIndex][1]);
        }},
      xAxis: {type: 'category', data: steps.map(function (s) { return s[0]; })},
      yAxis: {type: 'value', axisLabel: {formatter: function (v) { return money(v); }}},
      series: [
        {type: 'bar', stack: 'bridge', silent: true, data: base,
          itemStyle: {color: 'transparent'}},
        {type: 'bar', stack: 'bridge', data: bars,
          label: {show: true, position: 'top', formatter: function (p) {
            return money(steps[p.dataIndex][1]);
          }}}
      ]
    });
  }

  function bridgeMonths() {
    var months = data.bridge.map(function (m) { return m.month; });
    function series(field, name, sign) {
      return {name: name, type: 'bar', stack: sign > 0 ? 'up' : 'down',
        itemStyle: {color: colours[field]},
        data: data.bridge.map(function (m) { return sign * m[field]; })};
    }
    draw('chart-bridge-months', {
      animation: false,
      legend: {top: 0},
      grid: {left: 90, right: 90, top: 40, bottom: 30},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: months},
      yAxis: [{type: 'value', name: 'movement'}, {type: 'value', name: 'closing MRR'}],
      series: [
        series('newMrr', 'New', 1), series('expansion', 'Expansion', 1),
        series('reactivation', 'Reactivation', 1), series('contraction', 'Contraction', -1),
        series('churned', 'Churned', -1),
        {name: 'Closing MRR', type: 'line', yAxisIndex: 1, itemStyle: {color: colours.closing},
          data: data.bridge.map(function (m) { return m.closing; })}
      ]
    });
  }

  function retention() {
    draw('chart-retention', {
      animation: false,
      legend: {top: 0},
      grid: {left: 60, right: 20, top: 40, bottom: 30},
      tooltip: {trigger: 'axis', valueFormatter: function (v) {
        return v === null || v === undefined ? 'undefined' : v.toFixed(2) + ' %';
      }},
      xAxis: {type: 'category', data: data.retention.map(function (m) { return m.month; })},
      yAxis: {type: 'value', scale: true, axisLabel: {formatter: '{value} %'}},
      series: [
        {name: 'NRR', type: 'line', itemStyle: {color: colours.nrr},
          data: data.retention.map(function (m) { return m.nrr; })},
        {name: 'GRR', type: 'line', itemStyle: {color: colours.grr},
          data: data.retention.map(function (m) { return m.grr; })}
      ]
    });
  }

  function cohorts() {
    var width = data.cohorts.reduce(function (w, row) {
      return Math.max(w, row.retained.length);
    }, 0);
    var columns = [];
    for (var i = 0; i < width; i++) {
      columns.push('+' + i);
    }
    var cells = [];
    data.cohorts.forEach(function (row, y) {
      row.retained.forEach(function (value, x) { cells.push([x, y, value]); });
    });
    draw('chart-cohorts', {
      animation: false,
      grid: {left: 110, right: 20, top: 10, bottom: 70},
      tooltip: {formatter: function (p) {
        var row = data.cohorts[p.value[1]];
        return row.cohort + ' (' + row.size + ' customers), month ' + columns[p.value[0]]
          + ': ' + p.value[2].toFixed(1) + ' %';
      }},
      xAxis: {type: 'category', data: columns, name: 'months since signup',
        nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'category', inverse: true, data: data.cohorts.map(function (row) {
        return row.cohort + ' (' + row.size + ')';
      })},
      visualMap: {min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center',
        bottom: 0, itemHeight: 120, inRange: {color: ['#fde2e1', '#f6e05e', '#2f855a']}},
      series: [{type: 'heatmap', data: cells,
        label: {show: width <= 13, formatter: function (p) { return p.value[2].toFixed(0); }}}]
    });
  }

  function funnel() {
    draw('chart-funnel', {
      animation: false,
      tooltip: {trigger: 'item', formatter: '{b}: {c} customers'},
      series: [{type: 'funnel', sort: 'none', left: '5%', width: '90%', top: 10, bottom: 10,
        minSize: '8%', label: {show: true, position: 'inside', formatter: '{b}: {c}'},
        data: data.funnel.map(function (s) { return {name: s.step, value: s.customers}; })}]
    });
  }

  function stages() {
    draw('chart-stages', {
      animation: false,
      grid: {left: 110, right: 60, top: 10, bottom: 20},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'value'},
      yAxis: {type: 'category', inverse: true,
        data: data.stages.map(function (s) { return s.stage; })},
      series: [{type: 'bar', itemStyle: {color: colours.nrr},
        label: {show: true, position: 'right'},
        data: data.stages.map(function (s) { return s.customers; })}]
    });
  }

  function diagrams() {
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme: 'neutral',
      flowchart: {htmlLabels: false, useMaxWidth: false}});
    var drawn = data.playbooks.map(function (playbook, i) {
      var target = document.getElementById('playbook-' + i);
      return mermaid.render('playbook-svg-' + i, playbook.mermaid).then(function (result) {
        target.innerHTML = result.svg;
      }).catch(function (e) {
        failures.push('playbook-' + i);
        console.error('cannot draw playbook ' + playbook.key + ': ' + e);
        var pre = document.createElement('pre');
        pre.className = 'error';
        pre.textContent = playbook.mermaid;
        target.appendChild(pre);
      });
    });
    return Promise.all(drawn);
  }

  waterfall();
  bridgeMonths();
  retention();
  cohorts();
  funnel();
  stages();
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  diagrams().then(function () {
    document.body.setAttribute('data-failures', failures.join(' '));
    document.body.setAttribute('data-rendered', 'done');
  });
})();

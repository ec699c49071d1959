// The Chorecat operations dashboard (bundled by AdminJS for the browser).
// Plain JSX on purpose: AdminJS bundles it with its own toolchain (rollup),
// Chart.js included: no CDN, the panel loads nothing from elsewhere.
// Each figure comes from its module (the server's DashboardFigureView) with
// the panel list behind it; what needs someone is gathered at the top.
import React, { useEffect, useRef, useState } from 'react';
import { ApiClient, ViewHelpers } from 'adminjs';
import { Box, H2, H5, Text, Table, TableHead, TableBody, TableRow, TableCell, Badge, Loader } from '@adminjs/design-system';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const api = new ApiClient();
const h = new ViewHelpers();

const SECTIONS = ['Orders at risk', 'Orders', 'Supplies', 'Money', 'Quality', 'Deliveries and jobs'];
// One colour per kind, the same in every chart: final states, then the others.
const COLOURS = {
  completed: '#2f9e6e',
  failed: '#d64545',
  cancelled: '#9aa0a6',
  created: '#bba1ef',
  matching: '#8f6ae0',
  scheduled: '#4a7fd6',
  in_progress: '#e0a43a',
  reported: '#3bb3c4',
  no_check_in: '#d64545',
  no_worker: '#e0843a',
  rejected: '#a23b72',
  open: '#e0a43a',
  assembling: '#8f6ae0',
  pending: '#e0a43a',
  processing: '#4a7fd6',
};
const colour = (key) => COLOURS[key] ?? '#7a4fd6';

/** The panel list behind a figure: AdminJS's list URL with its filters in the query string. */
const linkHref = (link) => {
  const search = new URLSearchParams(Object.entries(link.filters).map(([k, v]) => [`filters.${k}`, v])).toString();
  return h.resourceUrl({ resourceId: link.resourceId, search: search ? `?${search}` : '' });
};

const shown = (figure) =>
  figure.kind === 'percent' ? `${figure.value} %` : figure.kind === 'money' ? `${figure.value}` : `${figure.value}`;
const needsSomeone = (figure) => figure.attention && Number(figure.value) > 0;

const BarChart = ({ figure }) => {
  const canvas = useRef(null);
  useEffect(() => {
    const stacked = figure.chart === 'stacked-days';
    const data = stacked
      ? {
          labels: figure.series.labels.map((d) => d.slice(5)),
          datasets: figure.series.sets.map((s) => ({ label: s.label, data: s.values, backgroundColor: colour(s.key) })),
        }
      : {
          labels: figure.parts.map((p) => p.label),
          datasets: [
            { label: figure.label, data: figure.parts.map((p) => p.value), backgroundColor: figure.parts.map((p) => colour(p.key)) },
          ],
        };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data,
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: stacked ? 'x' : 'y',
        plugins: { legend: { display: stacked, position: 'bottom' } },
        scales: {
          x: { stacked, ticks: { precision: 0 } },
          y: { stacked, ticks: { precision: 0 } },
        },
        // A bar opens the list behind it.
        onClick: (_event, elements) => {
          const element = elements[0];
          if (!element) return;
          const part = stacked ? figure.parts[element.datasetIndex] : figure.parts[element.index];
          if (part?.link) window.location.assign(linkHref(part.link));
        },
      },
    });
    return () => chart.destroy();
  }, [figure]);
  return (
    <Box height={figure.chart === 'stacked-days' ? 170 : Math.max(90, 24 * figure.parts.length + 30)} mt="default">
      <canvas ref={canvas} data-chart={figure.key} aria-label={figure.label} role="img" />
    </Box>
  );
};

const Parts = ({ parts }) => (
  <Box flex flexWrap="wrap" mt="sm">
    {parts.map((p) => (
      <Box key={p.key} mr="lg" mb="sm" data-part={p.key}>
        <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, marginRight: 6, background: colour(p.key) }} />
        {p.link ? (
          <a href={linkHref(p.link)} data-part-link={p.key}>
            {p.label}: <strong data-part-value>{p.value}</strong>
          </a>
        ) : (
          <span>
            {p.label}: <strong data-part-value>{p.value}</strong>
          </span>
        )}
      </Box>
    ))}
  </Box>
);

const FigureCard = ({ figure }) => {
  const alarm = needsSomeone(figure);
  return (
    <Box
      variant="card"
      width={1}
      p="lg"
      mb="lg"
      style={{ boxSizing: 'border-box', borderLeft: `4px solid ${alarm ? '#d64545' : 'transparent'}` }}
      data-figure={figure.key}
    >
      <H5 mb="sm">{figure.label}</H5>
      <Box flex alignItems="baseline">
        <Text fontSize={32} fontWeight="bold" color={alarm ? 'error' : 'grey100'} data-value>
          {shown(figure)}
        </Text>
        {figure.link && (
          <Box ml="lg">
            <a href={linkHref(figure.link)} data-figure-link>
              Show list →
            </a>
          </Box>
        )}
      </Box>
      {figure.note && (
        <Text color="grey60" fontSize="sm">
          {figure.note}
        </Text>
      )}
      {figure.chart && <BarChart figure={figure} />}
      {/* Under a chart, only the kinds it has (the chart shows the zeros); each opens its list. */}
      {figure.parts && <Parts parts={figure.chart ? figure.parts.filter((p) => p.value > 0) : figure.parts} />}
    </Box>
  );
};

const Section = ({ title, figures }) => (
  <Box mb="lg" data-section={title} data-figures>
    <H5 mb="default" color="grey80" style={{ textTransform: 'uppercase', letterSpacing: 1 }}>
      {title}
    </H5>
    <Box flex flexWrap="wrap" style={{ gap: 0 }} mx="-sm">
      {figures.map((f) => (
        <Box key={f.key} width={f.chart === 'stacked-days' ? [1, 1, 1 / 2] : [1, 1 / 2, 1 / 4]} px="sm" flex>
          <FigureCard figure={{ ...f }} />
        </Box>
      ))}
    </Box>
  </Box>
);

const NeedsYou = ({ figures }) => {
  const urgent = figures.filter(needsSomeone);
  return (
    <Box variant="card" p="lg" mb="xl" data-section="needs-you">
      <H5 mb="sm">What needs you today</H5>
      {urgent.length === 0 ? (
        <Text>Nothing: every figure that would need someone is at zero.</Text>
      ) : (
        <Box flex flexWrap="wrap">
          {urgent.map((f) => (
            <Box key={f.key} mr="xl" mb="sm">
              <Badge variant="danger" mr="sm">
                {shown(f)}
              </Badge>
              {f.link ? <a href={linkHref(f.link)}>{f.label}</a> : f.label}
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
};

const PlatformHealth = ({ platform }) => (
  <>
    {platform.deliveries.latestGivenUp.length > 0 && (
      <Box variant="card" mt="xl" p="lg" data-section="deliveries-given-up">
        <H5>Deliveries given up (emails and domain events, after their last attempt)</H5>
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>Queued</TableCell>
              <TableCell>What</TableCell>
              <TableCell>Last error</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {platform.deliveries.latestGivenUp.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{new Date(d.queuedAt).toUTCString()}</TableCell>
                <TableCell>{d.subscriber ? `${d.event} → ${d.subscriber}` : d.topic}</TableCell>
                <TableCell>{d.error}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    )}
    <Box variant="card" mt="xl" p="lg">
      <H5>
        Latest job runs · emails waiting {platform.emails.pending}, sent {platform.emails.sent}, failed {platform.emails.failed}; deliveries
        retrying {platform.deliveries.retrying}
      </H5>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>Job</TableCell>
            <TableCell>As of</TableCell>
            <TableCell>Trigger</TableCell>
            <TableCell>Outcome</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {platform.recentJobRuns.map((run) => (
            <TableRow key={run.id}>
              <TableCell>{run.job}</TableCell>
              <TableCell>{new Date(run.asOf).toUTCString()}</TableCell>
              <TableCell>{run.trigger}</TableCell>
              <TableCell>
                <Badge variant={run.outcome === 'failed' ? 'danger' : 'success'}>{run.outcome ?? 'running'}</Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  </>
);

const Dashboard = () => {
  const [data, setData] = useState(null);
  useEffect(() => {
    api.getDashboard().then((response) => setData(response.data));
  }, []);
  if (!data) return <Loader />;
  const sections = [...new Set([...SECTIONS, ...data.figures.map((f) => f.section)])]
    .map((title) => ({ title, figures: data.figures.filter((f) => f.section === title) }))
    .filter((s) => s.figures.length > 0);
  return (
    <Box p="xxl" data-dashboard>
      <H2 mb="sm">Chorecat operations</H2>
      <Text mb="lg" color="grey60">
        As of {new Date(data.now).toLocaleString('en-GB', { timeZone: data.timeZone, dateStyle: 'full', timeStyle: 'short' })} (
        {data.timeZone}){data.sandbox ? ' · sandbox clock on' : ''}
      </Text>
      <NeedsYou figures={data.figures} />
      {sections.map((s) => (
        <Section key={s.title} title={s.title} figures={s.figures} />
      ))}
      {data.platform && <PlatformHealth platform={data.platform} />}
    </Box>
  );
};

export default Dashboard;

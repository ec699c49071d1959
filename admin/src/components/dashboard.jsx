// The Chorecat operations dashboard (bundled by AdminJS for the browser).
// Plain JSX on purpose: AdminJS bundles it with its own toolchain.
import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H5, Text, Table, TableHead, TableBody, TableRow, TableCell, Badge, Loader } from '@adminjs/design-system';

const api = new ApiClient();

const Stat = ({ label, value, variant }) => (
  <Box variant="card" width={[1, 1 / 2, 1 / 4]} m="md" p="lg" data-stat={label}>
    <H5>{label}</H5>
    <Text fontSize="xl" color={variant === 'danger' && value > 0 ? 'error' : 'grey100'}>
      {value}
    </Text>
  </Box>
);

const Dashboard = () => {
  const [data, setData] = useState(null);
  useEffect(() => {
    api.getDashboard().then((response) => setData(response.data));
  }, []);
  if (!data) return <Loader />;
  return (
    <Box p="xxl">
      <H2>Chorecat operations</H2>
      <Text mb="lg">
        Platform time {new Date(data.now).toUTCString()}
        {data.sandbox ? ' (sandbox clock on)' : ''}
      </Text>
      <Box flex flexWrap="wrap">
        <Stat label="Emails waiting" value={data.emails.pending} />
        <Stat label="Emails sent" value={data.emails.sent} />
        <Stat label="Emails failed" value={data.emails.failed} variant="danger" />
        <Stat label="Deliveries given up" value={data.deliveries.gaveUp} variant="danger" />
        <Stat label="Deliveries retrying" value={data.deliveries.retrying} variant="danger" />
        <Stat label="Job failures (24 h)" value={data.jobFailures24h} variant="danger" />
      </Box>
      {data.deliveries.latestGivenUp.length > 0 && (
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
              {data.deliveries.latestGivenUp.map((d) => (
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
        <H5>Latest job runs</H5>
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
            {data.recentJobRuns.map((run) => (
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
    </Box>
  );
};

export default Dashboard;

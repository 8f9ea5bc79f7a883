import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify } from 'react-admin';
import { downloadFile } from '../api/files';
import { deviceFilter } from './device-operations';

/**
 * Downloads the units matching `filter` as the server's CSV
 * (`GET /api/devices.csv`, streamed: every matching unit, not one page).
 */
export const ExportDevicesButton = ({
  filter,
  fileName = 'devices.csv',
  label = 'app.devices.export',
}: {
  filter: Record<string, unknown>;
  fileName?: string;
  label?: string;
}) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const exportCsv = () => {
    const query = new URLSearchParams(Object.entries(deviceFilter(filter)).map(([key, value]) => [key, String(value)]));
    setBusy(true);
    downloadFile(`/api/devices.csv?${query}`, fileName)
      .catch((error: unknown) => notify(error instanceof Error ? error.message : 'app.devices.export_failed', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button label={label} onClick={exportCsv} disabled={busy} data-testid="devices-export">
      <DownloadIcon />
    </Button>
  );
};

/** The devices list's export: the units under its current filters. */
export const DeviceListExportButton = () => {
  // react-admin types the filter values as `any`.
  const filterValues = useListContext().filterValues as Record<string, unknown>;
  return <ExportDevicesButton filter={filterValues} />;
};

import { formatDateTime } from '../fields/local-date';
import { AttachmentKind, type ClaimDetailFragment, type Role } from '@aftersale/graphql';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/UploadFile';
import { Button, IconButton, List, ListItem, ListItemText, MenuItem, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
import { fileSize } from '../fields/file-size';
import { downloadFile } from '../api/files';
import { enumValue } from '../api/operation';
import { ATTACHMENT_TYPES, attachmentProblem, uploadAttachment } from './claim-files';

type Attachment = ClaimDetailFragment['attachments'][number];

const attachmentKinds = Object.values(AttachmentKind);

/** Photos of the unit, signed agreements and other papers: list, download, upload (≤ 5 MB; JPEG, PNG, WebP, PDF). */
export const AttachmentsPanel = ({ claim }: { claim: ClaimDetailFragment }) => {
  const { permissions } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="claim-attachments">
      {claim.attachments.length === 0 ? (
        <Typography color="text.secondary">{translate('app.claims.attachments.none')}</Typography>
      ) : (
        <List dense disablePadding>
          {claim.attachments.map((attachment) => (
            <AttachmentItem key={attachment.id} attachment={attachment} />
          ))}
        </List>
      )}
      {permissions !== undefined && permissions !== 'ANALYST' && <UploadAttachment claimId={claim.id} />}
    </Stack>
  );
};

const AttachmentItem = ({ attachment }: { attachment: Attachment }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const download = () =>
    downloadFile(`/api/attachments/${encodeURIComponent(attachment.id)}`, attachment.filename).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : 'app.claims.attachments.fetch_failed', { type: 'error' }),
    );
  return (
    <ListItem
      disableGutters
      data-testid="claim-attachment"
      secondaryAction={
        <Tooltip title={translate('app.claims.attachments.download', { name: attachment.filename })}>
          <IconButton edge="end" onClick={() => void download()} aria-label={translate('app.claims.attachments.download', { name: attachment.filename })}>
            <DownloadIcon />
          </IconButton>
        </Tooltip>
      }
    >
      <ListItemText
        primary={attachment.filename}
        secondary={`${enumLabel(attachment.kind)} · ${fileSize(attachment.size)} · ${formatDateTime(attachment.createdAt)}`}
      />
    </ListItem>
  );
};

const UploadAttachment = ({ claimId }: { claimId: string }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const [kind, setKind] = useState<AttachmentKind>(AttachmentKind.PHOTO);
  const [busy, setBusy] = useState(false);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = attachmentProblem(file);
    if (problem) {
      notify(problem, { type: 'error', messageArgs: { name: file.name } });
      return;
    }
    setBusy(true);
    try {
      await uploadAttachment(claimId, kind, file);
      notify('app.claims.attachments.attached', { type: 'success', messageArgs: { name: file.name } });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.claims.attachments.attach_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={translate('app.claims.kind')}
        value={kind}
        onChange={(event) => setKind(enumValue(event.target.value, AttachmentKind) ?? AttachmentKind.OTHER)}
        sx={{ minWidth: 140 }}
        data-testid="attachment-kind"
      >
        {attachmentKinds.map((value) => (
          <MenuItem key={value} value={value}>
            {enumLabel(value)}
          </MenuItem>
        ))}
      </TextField>
      <Button component="label" variant="outlined" startIcon={<UploadIcon />} disabled={busy}>
        {translate('app.claims.attachments.attach')}
        <input hidden type="file" accept={ATTACHMENT_TYPES.join(',')} onChange={(event) => void upload(event)} data-testid="attachment-file" />
      </Button>
    </Stack>
  );
};

import { ChangePasswordDocument } from '@aftersale/graphql';
import LanguageIcon from '@mui/icons-material/Language';
import LockIcon from '@mui/icons-material/Lock';
import PersonIcon from '@mui/icons-material/Person';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import { Logout, PasswordInput, UserMenu, required, useGetIdentity, useLocaleState, useLocales, useTheme, useTranslate, useUserMenu } from 'react-admin';
import { typed } from '../api/operation';
import { saveSession } from '../api/session';
import { request } from '../api/request';
import { MutationDialog } from './MutationDialog';

/**
 * The user menu of the app bar: who is signed in (profile), their password,
 * the console's language and theme (both kept in the browser), sign out.
 */
export const ProfileMenu = () => (
  <UserMenu>
    <ProfileItem />
    <ChangePasswordItem />
    <Divider />
    <LanguageItems />
    <ThemeItem />
    <Divider />
    <Logout />
  </UserMenu>
);

const ProfileItem = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  return (
    <>
      <MenuItem onClick={() => setOpen(true)} data-testid="user-menu-profile">
        <ListItemIcon>
          <PersonIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.user.profile')}</ListItemText>
      </MenuItem>
      <Dialog open={open} onClose={() => setOpen(false)} data-testid="profile-dialog">
        <DialogTitle>{translate('app.user.profile')}</DialogTitle>
        <DialogContent>
          <Typography>
            {translate('app.user.name')}: {identity?.fullName}
          </Typography>
          <Typography>
            {translate('app.user.email')}: {String(identity?.['email'] ?? '')}
          </Typography>
          <Typography>
            {translate('app.user.role')}: {String(identity?.['role'] ?? '')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('app.user.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const ChangePasswordItem = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <MenuItem onClick={() => setOpen(true)} data-testid="user-menu-password">
        <ListItemIcon>
          <LockIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.user.change_password')}</ListItemText>
      </MenuItem>
      {open && (
        <MutationDialog
          open
          onClose={() => setOpen(false)}
          title={translate('app.user.change_password')}
          submitLabel={translate('app.user.change_password')}
          onSubmit={async (values) => {
            // The API ends every session of the user and opens this one anew.
            const { changePassword } = await request(ChangePasswordDocument, {
              currentPassword: typed(values, 'currentPassword'),
              newPassword: typed(values, 'newPassword'),
            });
            saveSession(changePassword);
          }}
          successMessage={translate('app.user.password_changed')}
          testId="change-password-dialog"
        >
          <PasswordInput source="currentPassword" label={translate('app.user.current_password')} validate={required()} autoComplete="current-password" />
          <PasswordInput source="newPassword" label={translate('app.user.new_password')} validate={required()} autoComplete="new-password" />
        </MutationDialog>
      )}
    </>
  );
};

const LanguageItems = () => {
  const [locale, setLocale] = useLocaleState();
  const locales = useLocales();
  const userMenu = useUserMenu();
  return (
    <>
      {locales.map((option) => (
        <MenuItem
          key={option.locale}
          selected={option.locale === locale}
          lang={option.locale}
          onClick={() => {
            setLocale(option.locale);
            userMenu?.onClose();
          }}
          data-testid={`user-menu-language-${option.locale}`}
        >
          <ListItemIcon>
            <LanguageIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{option.name}</ListItemText>
        </MenuItem>
      ))}
    </>
  );
};

const ThemeItem = () => {
  const translate = useTranslate();
  const [mode, setMode] = useTheme();
  const dark = mode === 'dark';
  return (
    <MenuItem onClick={() => setMode(dark ? 'light' : 'dark')} data-testid="user-menu-theme">
      <ListItemIcon>{dark ? <LightModeIcon fontSize="small" /> : <DarkModeIcon fontSize="small" />}</ListItemIcon>
      <ListItemText>
        {translate('app.user.theme')}: {translate(dark ? 'app.user.light' : 'app.user.dark')}
      </ListItemText>
    </MenuItem>
  );
};

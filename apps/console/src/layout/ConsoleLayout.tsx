import { Box } from '@mui/material';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, TitlePortal, ToggleThemeButton, type LayoutProps } from 'react-admin';
import { ProfileMenu } from './ProfileMenu';

/** The language and theme buttons of react-admin's app bar; on a phone they live in the user menu only. */
const AppBarButtons = () => (
  <>
    <Box sx={{ display: { xs: 'none', sm: 'flex' } }}>
      <LocalesMenuButton />
      <ToggleThemeButton />
    </Box>
    <LoadingIndicator />
  </>
);

/** react-admin's app bar with our user menu (profile, password, language, theme). */
const ConsoleAppBar = () => (
  <AppBar userMenu={<ProfileMenu />} toolbar={<AppBarButtons />}>
    <TitlePortal />
  </AppBar>
);

export const ConsoleLayout = (props: LayoutProps) => <Layout {...props} appBar={ConsoleAppBar} />;

import { AppBar, Layout, TitlePortal, type LayoutProps } from 'react-admin';
import { ProfileMenu } from './ProfileMenu';

/** react-admin's app bar (with its language and theme buttons), our user menu. */
const ConsoleAppBar = () => (
  <AppBar userMenu={<ProfileMenu />}>
    <TitlePortal />
  </AppBar>
);

export const ConsoleLayout = (props: LayoutProps) => <Layout {...props} appBar={ConsoleAppBar} />;

import { Admin, Resource, localStorageStore } from 'react-admin';
import analytics from './analytics';
import { authProvider } from './authProvider';
import claims from './claims';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import devices from './devices';
import { i18nProvider } from './i18n/i18nProvider';
import invoices from './invoices';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { LoginPage } from './layout/LoginPage';
import { darkTheme, lightTheme } from './layout/themes';
import models from './models';
import orders from './orders';
import parts from './parts';
import serviceCentres from './service-centres';
import stock from './stock';
import stockMovements from './stock-movements';
import users from './users';

const store = localStorageStore(undefined, 'Aftersale');

export const App = () => (
  <Admin
    title="Aftersale"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={ConsoleLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    store={store}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    <Resource name="claims" {...claims} />
    <Resource name="invoices" {...invoices} />
    <Resource name="orders" {...orders} />
    <Resource name="devices" {...devices} />
    <Resource name="stock" {...stock} />
    <Resource name="stock-movements" {...stockMovements} />
    <Resource name="customers" {...customers} />
    <Resource name="models" {...models} />
    <Resource name="parts" {...parts} />
    <Resource name="service-centres" {...serviceCentres} />
    <Resource name="users" {...users} />
    <Resource name="analytics" {...analytics} />
  </Admin>
);

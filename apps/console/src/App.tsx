import { Admin, Resource, localStorageStore, radiantDarkTheme, radiantLightTheme } from 'react-admin';
import analytics from './analytics';
import { authProvider } from './authProvider';
import claims from './claims';
import customers from './customers';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import devices from './devices';
import { LoginPage } from './layout/LoginPage';
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
    loginPage={LoginPage}
    dashboard={Dashboard}
    store={store}
    theme={radiantLightTheme}
    darkTheme={radiantDarkTheme}
    requireAuth
    disableTelemetry
  >
    <Resource name="claims" {...claims} />
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

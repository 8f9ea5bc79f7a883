import { TextInput, required } from 'react-admin';

/** An ISO 3166-1 alpha-2 country code; the API checks it and says so under the input. */
export const CountryInput = () => <TextInput source="country" label="app.fields.country" validate={required()} helperText="app.fields.country_help" />;

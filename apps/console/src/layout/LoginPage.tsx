import { CardContent, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/**
 * react-admin's login page and form, with the product's name. The form's
 * fields keep react-admin's labels, "Username" and "Password": the username
 * is the staff member's email.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <CardContent sx={{ pb: 0, textAlign: 'center' }}>
        <Typography variant="h5" component="h1">
          Aftersale
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.login.hint')}
        </Typography>
      </CardContent>
      <LoginForm />
    </Login>
  );
};

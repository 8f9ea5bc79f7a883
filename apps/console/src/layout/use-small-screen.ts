import { useMediaQuery, type Theme } from '@mui/material';

/** A phone-sized window (below MUI's `sm`, 600 px): lists show a SimpleList there instead of a table. */
export const useSmallScreen = (): boolean => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

import { createTheme, type PaletteColorOptions, type Theme } from '@mui/material';
import { radiantDarkTheme, radiantLightTheme } from 'react-admin';

/**
 * react-admin's Radiant look with colours that meet WCAG AA (4.5:1) for every
 * text and chip: Radiant's acid yellow, cyan and mint read at 1.3–2:1 on
 * white. Each colour is given whole (light, dark, contrastText), as merging
 * into an existing theme does not recompute them.
 */
const colour = (main: string, light: string, dark: string, contrastText: string): PaletteColorOptions => ({ main, light, dark, contrastText });

const light = {
  primary: colour('#5b21b6', '#7c3aed', '#4c1d95', '#ffffff'),
  secondary: colour('#86198f', '#a21caf', '#701a75', '#ffffff'),
  error: colour('#b4235a', '#d0487b', '#8c1745', '#ffffff'),
  warning: colour('#8a4b00', '#b26200', '#6b3a00', '#ffffff'),
  info: colour('#035e75', '#0a7d99', '#024657', '#ffffff'),
  success: colour('#05704f', '#0a8f66', '#04563d', '#ffffff'),
  text: { primary: '#2e2a33', secondary: '#57535c', disabled: '#6b6770' },
};

const dark = {
  primary: colour('#c4a5ff', '#d8c4ff', '#9f7aea', '#1a1526'),
  secondary: colour('#ff9cf8', '#ffc2fb', '#e070d8', '#1a1526'),
  error: colour('#ff8fbd', '#ffb3d2', '#e0669a', '#1a1526'),
  warning: colour('#f2e963', '#f7f09a', '#d8cf3c', '#1a1526'),
  info: colour('#6fdcf0', '#a0e9f6', '#3ed0eb', '#1a1526'),
  success: colour('#3fd6b8', '#7ae5d0', '#0fbf9f', '#1a1526'),
  text: { primary: '#f4f2f7', secondary: '#c9c5cf', disabled: '#a19da6' },
};

function accessible(base: Theme, palette: typeof light): Theme {
  return createTheme(base, {
    palette,
    components: {
      // Any screen from a phone up: toolbars and filters wrap, and a table wider than the screen scrolls in its own box, never the page.
      RaList: {
        styleOverrides: {
          root: {
            // On a phone react-admin stacks them in a column, where wrapping would start a second column to the right.
            '& .RaList-actions': { flexWrap: 'wrap', [base.breakpoints.down('sm')]: { flexWrap: 'nowrap' } },
            '& .RaList-actions .MuiToolbar-root': { flexWrap: 'wrap' },
            '& .RaList-main': { minWidth: 0 },
            '& .RaList-content': { overflowX: 'auto' },
          },
        },
      },
      RaTopToolbar: { styleOverrides: { root: { flexWrap: 'wrap' } } },
      // react-admin's layout is min-width: fit-content, so one wide table widened the whole page.
      RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } } },
      // Radiant paints these with its own (low-contrast) primary.
      RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-headerCell': { color: palette.text.primary } } } },
      RaDataTable: { styleOverrides: { root: { '& .RaDataTable-headerCell': { color: palette.text.primary } } } },
      RaMenuItemLink: {
        styleOverrides: {
          root: {
            color: palette.text.secondary,
            '&.RaMenuItemLink-active': {
              backgroundImage: 'none',
              backgroundColor: (palette.primary as { main: string }).main,
              color: (palette.primary as { contrastText: string }).contrastText,
              '& .MuiSvgIcon-root': { fill: (palette.primary as { contrastText: string }).contrastText },
            },
          },
        },
      },
    },
  });
}

export const lightTheme = accessible(radiantLightTheme, light);
export const darkTheme = accessible(radiantDarkTheme, dark);

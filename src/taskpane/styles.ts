import { GriffelStyle, tokens } from '@fluentui/react-components';

/** A list entry drawn as plain text that is a button (select its cell on click or Enter), with a visible focus ring. */
export const plainButton: GriffelStyle = {
  textAlign: 'left',
  border: 'none',
  background: 'none',
  font: 'inherit',
  color: 'inherit',
  cursor: 'pointer',
  ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
};

/** Stays at the top of the scrolling tab panel: progress and messages remain where the user is looking. */
export const sticky: GriffelStyle = {
  position: 'sticky',
  top: 0,
  zIndex: 1,
  backgroundColor: tokens.colorNeutralBackground1,
  paddingTop: '4px',
  paddingBottom: '4px',
};

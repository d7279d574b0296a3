import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  defaultRadius: 'md',
  components: {
    // Mantine capitalises badges; tag names and statuses are shown as the shop wrote them.
    Badge: { defaultProps: { tt: 'none' } },
  },
});

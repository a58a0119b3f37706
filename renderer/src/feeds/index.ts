// Feeds: subscriptions, the Feeds dialog and the scheduled refresh.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { FeedsDialog } from './FeedsDialog.tsx'
export { FeedsNavItem } from './FeedsNavItem.tsx'
export { useFeedSchedule } from './use-feed-schedule.ts'

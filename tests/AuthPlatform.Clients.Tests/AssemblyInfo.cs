// One test at a time: each starts the service, helpers and often Chromium, which on a small machine
// shared with other builds is slower run side by side than one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

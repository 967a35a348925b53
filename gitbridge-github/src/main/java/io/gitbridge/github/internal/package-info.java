/**
 * The workings of {@link io.gitbridge.github.OkHttpGitHubApi}: the HTTP exchange, limits and
 * retries, pacing per credential, GitHub App tokens. Not an API: may change in any release.
 */
package io.gitbridge.github.internal;

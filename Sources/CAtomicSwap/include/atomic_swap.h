#ifndef BRIEFING_ATOMIC_SWAP_H
#define BRIEFING_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (EINVAL or ENOSYS where the file system cannot do it).
int briefing_exchange_paths(const char *first, const char *second);

#endif

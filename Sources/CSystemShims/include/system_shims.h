#ifndef ARTIFACTA_SYSTEM_SHIMS_H
#define ARTIFACTA_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int artifacta_exchange_paths(const char *first, const char *second);

/// Flushes to disk everything written on the filesystem holding `path` (a folder): Linux
/// syncfs, elsewhere fsync of the folder. Returns 0 on success, -1 with errno set otherwise.
int artifacta_sync_filesystem(const char *path);

/// Starts writing a file's dirty pages to disk without waiting (Linux sync_file_range), so
/// that a later flush of the filesystem has less left to wait for; nothing elsewhere.
void artifacta_start_writeback(int descriptor);

/// Hands memory the allocator keeps for reuse back to the system (glibc malloc_trim; nothing
/// elsewhere).
void artifacta_return_freed_memory(void);

/// Removes a folder and everything in it, deepest first, never following symbolic links
/// (nftw). Returns 0 when the walk finished, -1 with errno set otherwise; entries that
/// cannot be removed are left.
int artifacta_remove_tree(const char *path);

#endif

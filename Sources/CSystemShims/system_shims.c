#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unistd.h>
#include "system_shims.h"

int artifacta_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int artifacta_sync_filesystem(const char *path) {
    int descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) return -1;
#if defined(__linux__)
    int result = syncfs(descriptor);
#else
    int result = fsync(descriptor);
#endif
    int saved = errno;
    close(descriptor);
    errno = saved;
    return result;
}

void artifacta_start_writeback(int descriptor) {
#if defined(__linux__)
    sync_file_range(descriptor, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)descriptor;
#endif
}

void artifacta_return_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

static int artifacta_remove_entry(const char *path, const struct stat *status, int kind, struct FTW *walk) {
    (void)status; (void)kind; (void)walk;
    remove(path);
    return 0;
}

int artifacta_remove_tree(const char *path) {
    return nftw(path, artifacta_remove_entry, 32, FTW_DEPTH | FTW_PHYS);
}

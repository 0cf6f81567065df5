#!/bin/sh
# Writes to both streams, with tqdm-style carriage-return frames on stderr.
echo "first out"
printf ' 10%%|#         |\r 50%%|#####     |\r100%%|##########|\n' >&2
echo "second out"
echo "boom" >&2
exit 3

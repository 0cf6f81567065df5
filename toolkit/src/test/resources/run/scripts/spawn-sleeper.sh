#!/bin/sh
# Starts a grandchild that sleeps, prints its pid, then sleeps itself: a process tree that only a
# tree kill ends.
sh -c 'sleep 300' &
echo "child $!"
sleep 300

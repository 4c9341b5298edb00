#!/bin/sh
# The demo job: prints its arguments and one variable of its environment.
echo "Hello from Conveyor: $* (GREETING=$GREETING)"

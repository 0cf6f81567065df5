/*
 * A stand-in for the NVIDIA driver's libnvidia-ml.so.1, for tokbench's tests: it exports the NVML
 * functions tokbench calls, with nvml.h's signatures, and plays back a recorded trace instead of
 * reading a GPU. Compiled by the tests with the machine's gcc, once per variant:
 *
 *   -DTRACE_PATH="\"rows.txt\""  rows "mW mJ sm_mhz mem_mhz temp_c util_pct mem_used_bytes", one
 *                                per reading; each nvmlDeviceGetPowerUsage call of a device moves
 *                                that device to its next row, the first call to row 0 (the other
 *                                getters read the current row), and the last row repeats
 *   -DDEVICES=N                  GPUs it reports (default 1); device d reads power + d W
 *   -DINIT_RESULT=N              what nvmlInit_v2 returns (default 0, NVML_SUCCESS)
 *   -DPOWER_RESULT=N             what the power getter returns (3 = NVML_ERROR_NOT_SUPPORTED)
 *   -DNO_ENERGY                  leave out nvmlDeviceGetTotalEnergyConsumption (pre-Volta driver)
 *   -DNO_POWER                   leave out nvmlDeviceGetPowerUsage (a broken library)
 */
#include <stdio.h>
#include <string.h>

#ifndef DEVICES
#define DEVICES 1
#endif
#ifndef INIT_RESULT
#define INIT_RESULT 0
#endif
#ifndef POWER_RESULT
#define POWER_RESULT 0
#endif
#define MAX_ROWS 100000

typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { int index; } device_t;

static device_t devices[DEVICES];
static long cursor[DEVICES];
static unsigned int mw[MAX_ROWS], sm[MAX_ROWS], mem[MAX_ROWS], temp[MAX_ROWS], util[MAX_ROWS];
static unsigned long long mj[MAX_ROWS], used[MAX_ROWS];
static long rows;

static long row(device_t *d) {
  long r = cursor[d->index];
  return r < 0 ? 0 : r < rows ? r : rows - 1;
}

int nvmlInit_v2(void) {
  if (INIT_RESULT != 0) return INIT_RESULT;
#ifdef TRACE_PATH
  FILE *f = fopen(TRACE_PATH, "r");
  if (!f) return 999; /* NVML_ERROR_UNKNOWN */
  rows = 0;
  while (rows < MAX_ROWS && fscanf(f, "%u %llu %u %u %u %u %llu", &mw[rows], &mj[rows], &sm[rows],
                                   &mem[rows], &temp[rows], &util[rows], &used[rows]) == 7)
    rows++;
  fclose(f);
#endif
  if (rows == 0) return 999;
  for (int i = 0; i < DEVICES; i++) { devices[i].index = i; cursor[i] = -1; }
  return 0;
}

int nvmlShutdown(void) { return 0; }

const char *nvmlErrorString(int result) {
  switch (result) {
    case 0: return "Success";
    case 3: return "Not Supported";
    case 9: return "Driver Not Loaded";
    default: return "Unknown Error";
  }
}

int nvmlDeviceGetCount_v2(unsigned int *count) { *count = DEVICES; return 0; }

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, device_t **device) {
  if (index >= DEVICES) return 2; /* NVML_ERROR_INVALID_ARGUMENT */
  *device = &devices[index];
  return 0;
}

int nvmlDeviceGetName(device_t *d, char *name, unsigned int length) {
  snprintf(name, length, "Fake H100 %d", d->index);
  return 0;
}

#ifndef NO_POWER
int nvmlDeviceGetPowerUsage(device_t *d, unsigned int *power) {
  if (POWER_RESULT != 0) return POWER_RESULT;
  cursor[d->index]++;
  *power = mw[row(d)] + 1000u * d->index;
  return 0;
}
#endif

#ifndef NO_ENERGY
int nvmlDeviceGetTotalEnergyConsumption(device_t *d, unsigned long long *energy) {
#ifdef NO_POWER
  cursor[d->index]++;
#endif
  *energy = mj[row(d)];
  return 0;
}
#endif

int nvmlDeviceGetClockInfo(device_t *d, int type, unsigned int *clock) {
  *clock = type == 1 ? sm[row(d)] : mem[row(d)];
  return 0;
}

int nvmlDeviceGetTemperature(device_t *d, int sensor, unsigned int *t) {
  *t = temp[row(d)];
  return 0;
}

int nvmlDeviceGetUtilizationRates(device_t *d, nvmlUtilization_t *u) {
  u->gpu = util[row(d)];
  u->memory = 0;
  return 0;
}

int nvmlDeviceGetMemoryInfo(device_t *d, nvmlMemory_t *m) {
  m->total = 80ull << 30;
  m->used = used[row(d)];
  m->free = m->total - m->used;
  return 0;
}

/**
 * Passenger-flow forecasting, pure domain code (no Vert.x, no I/O): mainland China's holiday calendar with make-up
 * workdays, hourly flow histories, a seasonal forecaster with day-of-week and holiday effects, and rolling-origin
 * evaluation by MASE. Used by the dispatch and rental services and by the simulator.
 */
package cn.taihang.bridge.forecast;

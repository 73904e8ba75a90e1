/**
 * Road-sensor logic with no framework or I/O: sensor kinds named by IPSO object ids
 * ({@link cn.taihang.roadsensors.domain.SensorKind}), normalisation of SenML values to canonical units with
 * plausibility limits ({@link cn.taihang.roadsensors.domain.Normaliser}), thresholds with hysteresis
 * ({@link cn.taihang.roadsensors.domain.ThresholdTracker}) and silent-sensor detection
 * ({@link cn.taihang.roadsensors.domain.OfflineTracker}), all driven by the caller's clock.
 */
package cn.taihang.roadsensors.domain;

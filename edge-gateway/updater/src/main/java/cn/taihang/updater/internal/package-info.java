/**
 * The updater's implementation: the component, the install job, the resumable fetcher, the health gate and the step
 * records. Not exported.
 */
package cn.taihang.updater.internal;

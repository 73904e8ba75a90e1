/** The OSGi adapter of the digital sign: components, panel links and driver, status records. Not exported. */
package cn.taihang.sign.internal;

/** The directory of targets: leaders' offices per country, their holders, channels and languages. */
package org.bucn.tracker.target;
